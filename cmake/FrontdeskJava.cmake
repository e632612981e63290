# cmake -P helper: compiles every .java under SRC_DIRS (plus CLASSPATH) into
# CLASSES and, when OUT is set, packs them into the jar OUT. Used for the
# binding's jar and the JUnit suite, whose file lists are only known at build time.
# Lists arrive separated by "|" (a ";" would split the -D argument).
string(REPLACE "|" ";" SRC_DIRS "${SRC_DIRS}")
string(REPLACE "|" ":" CLASSPATH "${CLASSPATH}")
set(files "")
foreach(dir IN LISTS SRC_DIRS)
  file(GLOB_RECURSE found "${dir}/*.java")
  list(APPEND files ${found})
endforeach()
list(SORT files)
file(REMOVE_RECURSE "${CLASSES}")
file(MAKE_DIRECTORY "${CLASSES}")
set(cp_args "")
if(CLASSPATH)
  set(cp_args -cp "${CLASSPATH}")
endif()
execute_process(COMMAND "${JAVAC}" -encoding UTF-8 -Xlint:all,-serial -Werror --release 11 ${cp_args} -d "${CLASSES}" ${files}
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "javac failed")
endif()
if(OUT)
  execute_process(COMMAND "${JAR}" cf "${OUT}" -C "${CLASSES}" . RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "jar failed")
  endif()
endif()
