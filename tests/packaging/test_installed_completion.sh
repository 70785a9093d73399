# Completion from the files the Debian package installed, as a user gets it:
# each shell started in tmux with only its stock completion set-up (no fpath,
# no `source` of pmi's script), `pmi <Tab>` typed, and the screen read back.
# Usage (after `apt-get install ./pmi_*.deb`): bash tests/packaging/test_installed_completion.sh
source "$(dirname "$0")/../cli/lib.sh" "$(command -v pmi)"

[ "$PMI_BIN" = /usr/bin/pmi ] || { echo "pmi is not installed in /usr/bin (found $PMI_BIN)"; exit 2; }
for tool in tmux bash zsh fish; do
    command -v "$tool" >/dev/null || { echo "$tool is not installed"; exit 2; }
done
[ -f /usr/share/bash-completion/bash_completion ] || { echo "bash-completion is not installed"; exit 2; }

mkdir -p "$WORK/zdot" "$WORK/xdg/fish"
cat >"$WORK/bashrc" <<'RC'
PS1='$ '
source /usr/share/bash-completion/bash_completion
bind 'set show-all-if-ambiguous on'
bind 'set completion-query-items 0'
bind 'set page-completions off'
echo READY
RC
cat >"$WORK/zdot/.zshrc" <<RC
PS1='\$ '
autoload -Uz compinit && compinit -u -d "$WORK/zcompdump"
echo READY
RC
cat >"$WORK/xdg/fish/config.fish" <<'RC'
set -g fish_greeting
set -g fish_autosuggestion_enabled 0
function fish_prompt; echo -n '$ '; end
echo READY
RC

TMUX_CMD=(tmux -L "pmi-installed-$$" -f /dev/null)
trap '"${TMUX_CMD[@]}" kill-server 2>/dev/null; rm -rf "$WORK"' EXIT
"${TMUX_CMD[@]}" new-session -d -s keep sleep 100000
PANE=""
wait_pane() {
    local i
    for ((i = 0; i < 200; i++)); do
        PANE=$("${TMUX_CMD[@]}" capture-pane -p -J -t pmi 2>/dev/null)
        [[ $PANE == *"$1"* ]] && return 0
        sleep 0.1
    done
    return 1
}

for shell in bash zsh fish; do
    case $shell in
    bash) command=(bash --noprofile --rcfile "$WORK/bashrc" -i) ;;
    zsh) command=(env ZDOTDIR="$WORK/zdot" zsh -i) ;;
    fish) command=(env XDG_CONFIG_HOME="$WORK/xdg" fish -i) ;;
    esac
    "${TMUX_CMD[@]}" kill-session -t pmi 2>/dev/null
    "${TMUX_CMD[@]}" new-session -d -s pmi -x 220 -y 50 -c "$WORK" env HOME="$HOME" TERM=screen "${command[@]}"
    CHECKS=$((CHECKS + 1))
    wait_pane READY || { fail "$shell did not start: $PANE"; continue; }
    "${TMUX_CMD[@]}" send-keys -t pmi -l -- 'pmi '
    "${TMUX_CMD[@]}" send-keys -t pmi Tab
    # The command names, which only pmi's installed completion knows.
    for word in summary themes report; do
        CHECKS=$((CHECKS + 1))
        wait_pane "$word" || fail "$shell: pmi <Tab> does not offer $word:
$PANE"
    done
done

finish
