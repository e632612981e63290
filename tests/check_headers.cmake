# Compiles each public header alone as C11 and as C++ with -Wall -Wextra -Werror -pedantic.
file(MAKE_DIRECTORY "${OUT}")
foreach(h IN LISTS HEADERS)
  get_filename_component(name "${h}" NAME_WE)
  file(WRITE "${OUT}/${name}.c" "#include <frontdesk/${name}.h>\nint fd_header_test_${name}(void);\nint fd_header_test_${name}(void) { return 0; }\n")
  execute_process(COMMAND ${CC} -std=c11 -Wall -Wextra -Werror -pedantic -I${INC} -c "${OUT}/${name}.c" -o "${OUT}/${name}.o"
                  RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "frontdesk/${name}.h does not compile alone as C11:\n${err}")
  endif()
  execute_process(COMMAND c++ -x c++ -std=c++11 -Wall -Wextra -Werror -pedantic -I${INC} -c "${OUT}/${name}.c" -o "${OUT}/${name}.cpp.o"
                  RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "frontdesk/${name}.h does not compile alone as C++:\n${err}")
  endif()
endforeach()
list(LENGTH HEADERS n)
message(STATUS "${n} public headers compile alone as C11 and C++11")
