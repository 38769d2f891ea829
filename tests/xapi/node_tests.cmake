# The xAPI tests that need Node.js (tests/xapi/*.js): Learning Locker's validator over sample
# statements, and a real LRS (xapi-statements, in memory) on 127.0.0.1. Their npm packages are in
# tests/xapi/node_modules, installed by scripts/setup.sh from the committed package-lock.json.
add_executable(salesdojo_xapi_sample tests/xapi/tools/xapi_sample.cpp)
target_link_libraries(salesdojo_xapi_sample PRIVATE salesdojo_xapi salesdojo_core)
add_dependencies(salesdojo_xapi_tests salesdojo_xapi_sample salesdojo)

find_program(SALESDOJO_NODE NAMES node nodejs)
if(SALESDOJO_NODE)
  add_test(NAME xapi_validate
           COMMAND ${SALESDOJO_NODE} tests/xapi/validate_sample.js $<TARGET_FILE:salesdojo_xapi_sample>
           WORKING_DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR})
  add_test(NAME xapi_lrs_roundtrip
           COMMAND ${SALESDOJO_NODE} tests/xapi/lrs_roundtrip.js $<TARGET_FILE:salesdojo> $<TARGET_FILE:salesdojo_xapi_sample>
           WORKING_DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR})
  set_tests_properties(xapi_validate xapi_lrs_roundtrip PROPERTIES TIMEOUT 240)
else()
  # Only a machine without Node.js skips them (scripts/setup.sh installs it); CI has it.
  add_test(NAME xapi_node_tests
           COMMAND sh -c "echo 'SKIPPED: node is not installed, so the xAPI validator and LRS tests cannot run (scripts/setup.sh installs nodejs and npm)'; exit 77")
  set_tests_properties(xapi_node_tests PROPERTIES SKIP_RETURN_CODE 77)
endif()
