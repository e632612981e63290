# Compiles and runs the JUnit suite (see CMakeLists.txt).
execute_process(COMMAND ${CMAKE_COMMAND} -DJAVAC=${JAVAC} "-DSRC_DIRS=${SRC}/org" -DCLASSES=${CLASSES}
                "-DCLASSPATH=${CLASSPATH}" -P "${CMAKE_CURRENT_LIST_DIR}/../../cmake/FrontdeskJava.cmake"
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "compiling the JUnit suite failed")
endif()
file(GLOB_RECURSE tests RELATIVE "${SRC}" "${SRC}/org/*Test.java")
set(classes "")
foreach(t IN LISTS tests)
  string(REGEX REPLACE "\\.java$" "" c "${t}")
  string(REPLACE "/" "." c "${c}")
  list(APPEND classes "${c}")
endforeach()
string(REPLACE "|" ":" cp "${CLASSES}|${CLASSPATH}")
execute_process(COMMAND "${JAVA}" -Xcheck:jni -Djava.library.path=${LIBDIR} -Dfd.test.tmp=${TMP} -Dfd.source.dir=${SRC}/../.. -cp "${cp}"
                org.junit.runner.JUnitCore ${classes} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "JUnit suite failed")
endif()
