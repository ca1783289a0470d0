# Checks that translations/*.ts match the sources: lupdate updates a copy (a new message becomes
# "unfinished", a removed one "vanished"), and tst_translations checks that copy is complete.
# Run by CTest (translations_current) with LUPDATE, LUPDATE_PROJECT, GENERATE_PROJECT (Qt's
# script that turns it into lupdate's JSON), TS_FILE, WORK_DIR and CHECK.

file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
get_filename_component(ts_name "${TS_FILE}" NAME)
set(copy "${WORK_DIR}/${ts_name}")
file(COPY_FILE "${TS_FILE}" "${copy}")

# The same project (sources, include paths) as the lupdate target reads.
execute_process(
    COMMAND "${CMAKE_COMMAND}" "-DIN_FILE=${LUPDATE_PROJECT}" "-DOUT_FILE=${WORK_DIR}/project.json"
            -P "${GENERATE_PROJECT}"
    COMMAND_ERROR_IS_FATAL ANY)
execute_process(
    COMMAND "${LUPDATE}" -project "${WORK_DIR}/project.json" -ts "${copy}" -locations none
    OUTPUT_VARIABLE lupdate_output
    ERROR_VARIABLE lupdate_output
    COMMAND_ERROR_IS_FATAL ANY)
message(STATUS "lupdate: ${lupdate_output}")

execute_process(
    COMMAND "${CMAKE_COMMAND}" -E env "DRIFTDESK_TS_FILE=${copy}" "${CHECK}" tsFileIsComplete
    RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "${ts_name} does not match the sources: build the lupdate target, "
                        "translate what it marks unfinished (Qt Linguist) and commit the file.")
endif()
