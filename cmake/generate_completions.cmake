# Writes the shell completion scripts by asking the built pmi for them. The
# scripts ask pmi for candidates on each Tab (`pmi completion candidates`), so
# commands and options come from the same definitions as the parser.
# Usage: cmake -DPMI=path/to/pmi -DOUT=folder -P generate_completions.cmake
file(MAKE_DIRECTORY ${OUT})
foreach(shell bash zsh fish)
  execute_process(COMMAND ${PMI} completion ${shell}
                  OUTPUT_FILE ${OUT}/pmi.${shell} RESULT_VARIABLE result)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "pmi completion ${shell} failed: ${result}")
  endif()
endforeach()
