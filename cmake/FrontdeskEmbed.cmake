# fd_embed_files(OUT <c-file> SYMBOL <name> FILES <f>...)
#
# Generates a C source that holds each file's bytes, NUL-terminated, in
#   const fd__embedded_file <name>[]; const size_t <name>_count;
# (type from libfrontdesk/src/embedded.h). Used for SQL migrations and the data
# files under libfrontdesk/data/, so that the library needs no files at run time.
function(fd_embed_files)
  cmake_parse_arguments(E "" "OUT;SYMBOL" "FILES" ${ARGN})
  add_custom_command(
    OUTPUT "${E_OUT}"
    COMMAND ${CMAKE_COMMAND} -DOUT=${E_OUT} -DSYMBOL=${E_SYMBOL} "-DFILES=${E_FILES}"
            -P "${PROJECT_SOURCE_DIR}/cmake/FrontdeskEmbedRun.cmake"
    DEPENDS ${E_FILES} "${PROJECT_SOURCE_DIR}/cmake/FrontdeskEmbedRun.cmake"
    COMMENT "Embedding ${E_SYMBOL}"
    VERBATIM)
endfunction()
