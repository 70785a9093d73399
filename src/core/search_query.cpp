#include "core/search_query.hpp"

#include <fmt/format.h>
#include <vector>

#include "core/error.hpp"

namespace pmi {

namespace {

constexpr int max_query_depth = 16;
constexpr std::size_t max_terms = 4096;

enum class TokenType { word, phrase, open, close, op_or, op_and, op_not, minus };

struct Token {
    TokenType type;
    std::string text;
    bool prefix = false;
};

[[noreturn]] void fail(const std::string& message) {
    throw Error("search query: " + message);
}

bool is_query_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool ends_word(char c) {
    return is_query_space(c) || c == '(' || c == ')' || c == '"';
}

std::vector<Token> tokenize(std::string_view text) {
    std::vector<Token> tokens;
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (is_query_space(c)) {
            ++i;
        } else if (c == '(' || c == ')') {
            tokens.push_back({c == '(' ? TokenType::open : TokenType::close, {}});
            ++i;
        } else if (c == '"') {
            const std::size_t end = text.find('"', i + 1);
            if (end == std::string_view::npos)
                fail("a quote '\"' is not closed");
            Token token{TokenType::phrase, std::string(text.substr(i + 1, end - i - 1))};
            i = end + 1;
            for (; i < text.size() && text[i] == '*'; ++i)
                token.prefix = true;
            tokens.push_back(std::move(token));
        } else if (c == '-' && i + 1 < text.size() && !ends_word(text[i + 1]) &&
                   text[i + 1] != '-') {
            tokens.push_back({TokenType::minus, {}});
            ++i;
        } else if (c == '-' && i + 1 < text.size() && (text[i + 1] == '"' || text[i + 1] == '(')) {
            tokens.push_back({TokenType::minus, {}});
            ++i;
        } else {
            std::size_t end = i;
            while (end < text.size() && !ends_word(text[end]))
                ++end;
            std::string word(text.substr(i, end - i));
            i = end;
            if (word == "OR")
                tokens.push_back({TokenType::op_or, {}});
            else if (word == "AND")
                tokens.push_back({TokenType::op_and, {}});
            else if (word == "NOT")
                tokens.push_back({TokenType::op_not, {}});
            else {
                Token token{TokenType::word, {}};
                while (!word.empty() && word.back() == '*') {
                    word.pop_back();
                    token.prefix = true;
                }
                token.text = std::move(word);
                tokens.push_back(std::move(token));
            }
        }
    }
    return tokens;
}

// True when the tokenizer would find a token in the text: a letter or digit,
// or any non-ASCII character.
bool has_normalized_for_search(std::string_view text) {
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x80 || (byte >= '0' && byte <= '9') || (byte >= 'a' && byte <= 'z') ||
            (byte >= 'A' && byte <= 'Z'))
            return true;
    }
    return false;
}

std::string quoted(const Token& token) {
    std::string out = "\"";
    for (const char c : token.text) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
    if (token.prefix)
        out += " *";
    return out;
}

// Recursive descent over the tokens, writing the FTS5 expression as it goes.
// An empty result means "nothing searchable" (punctuation only), left out.
class Translator {
  public:
    explicit Translator(std::vector<Token> tokens) : tokens_(std::move(tokens)) {}

    SearchQuery run() {
        std::string match = or_expression(0, false);
        if (pos_ < tokens_.size())
            fail("unbalanced parentheses: a ')' has no '('");
        if (match.empty())
            fail("nothing to search for: give a word");
        return {match, words_};
    }

  private:
    std::vector<Token> tokens_;
    std::size_t pos_ = 0;
    std::size_t terms_ = 0;
    std::vector<SearchWord> words_;

    const Token* peek() const { return pos_ < tokens_.size() ? &tokens_[pos_] : nullptr; }
    bool next_is(TokenType type) const { return peek() && peek()->type == type; }

    static std::string join(const std::vector<std::string>& parts, const char* separator) {
        std::string out;
        for (const auto& part : parts) {
            if (!out.empty())
                out += separator;
            out += part;
        }
        return out;
    }

    std::string or_expression(int depth, bool negated) {
        std::vector<std::string> parts;
        while (true) {
            if (!peek() || next_is(TokenType::close) || next_is(TokenType::op_or))
                fail("'OR' needs a word on each side");
            std::string part = and_expression(depth, negated);
            if (!part.empty())
                parts.push_back(std::move(part));
            if (!next_is(TokenType::op_or))
                break;
            ++pos_;
        }
        if (parts.size() == 1)
            return parts.front();
        return parts.empty() ? std::string() : "(" + join(parts, " OR ") + ")";
    }

    std::string and_expression(int depth, bool negated) {
        std::vector<std::string> found;
        std::vector<std::string> excluded;
        std::string excluded_text;
        while (peek() && !next_is(TokenType::close) && !next_is(TokenType::op_or)) {
            if (next_is(TokenType::op_and)) {
                ++pos_;
                if (!peek() || next_is(TokenType::close) || next_is(TokenType::op_or) ||
                    next_is(TokenType::op_and))
                    fail("'AND' needs a word on each side");
                continue;
            }
            bool exclude = false;
            if (next_is(TokenType::op_not) || next_is(TokenType::minus)) {
                const bool is_not = next_is(TokenType::op_not);
                ++pos_;
                if (!peek() || next_is(TokenType::close) || next_is(TokenType::op_or) ||
                    next_is(TokenType::op_and) || next_is(TokenType::op_not) ||
                    next_is(TokenType::minus))
                    fail(is_not ? "'NOT' needs a word after it" : "'-' needs a word after it");
                exclude = true;
            }
            std::string part = primary(depth, negated != exclude);
            if (part.empty())
                continue;
            (exclude ? excluded : found).push_back(std::move(part));
        }
        if (found.empty()) {
            if (!excluded.empty())
                fail("'-word' and NOT only leave words out: give a word to find too");
            return {};
        }
        std::string out = found.size() == 1 ? found.front() : "(" + join(found, " AND ") + ")";
        if (!excluded.empty())
            out = "(" + out + " NOT " +
                  (excluded.size() == 1 ? excluded.front() : "(" + join(excluded, " OR ") + ")") +
                  ")";
        return out;
    }

    std::string primary(int depth, bool negated) {
        const Token& token = tokens_[pos_++];
        switch (token.type) {
        case TokenType::open: {
            if (depth + 1 > max_query_depth)
                fail(fmt::format("parentheses nested too deeply (at most {})", max_query_depth));
            if (next_is(TokenType::close))
                fail("empty parentheses '()'");
            if (!peek())
                fail("unbalanced parentheses: a '(' has no ')'");
            std::string inner = or_expression(depth + 1, negated);
            if (!next_is(TokenType::close))
                fail("unbalanced parentheses: a '(' has no ')'");
            ++pos_;
            return inner;
        }
        case TokenType::close: fail("unbalanced parentheses: a ')' has no '('");
        case TokenType::word:
        case TokenType::phrase: {
            if (!has_normalized_for_search(token.text))
                return {};
            if (++terms_ > max_terms)
                fail(fmt::format("too many words (at most {})", max_terms));
            std::string term = quoted(token);
            if (!negated)
                words_.push_back({token.text, token.prefix});
            return term;
        }
        default: fail("unexpected operator");
        }
    }
};

} // namespace

SearchQuery parse_search_query(std::string_view text) {
    return Translator(tokenize(text)).run();
}

} // namespace pmi
