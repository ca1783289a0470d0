# A new version in project() needs its release notes: the newest <release> of the AppStream
# metainfo and the newest entry of the Debian changelog must name it. Run by CTest
# (release_notes_current) with VERSION, METAINFO and CHANGELOG.

file(READ "${METAINFO}" metainfo)
string(REGEX MATCH "<release version=\"([^\"]+)\"" _ "${metainfo}")
if(NOT CMAKE_MATCH_1 STREQUAL VERSION)
    message(FATAL_ERROR "The newest release in ${METAINFO} is \"${CMAKE_MATCH_1}\", the version "
                        "is ${VERSION}: add a <release> with its notes at the top of <releases>.")
endif()

file(STRINGS "${CHANGELOG}" first_line LIMIT_COUNT 1)
string(REGEX MATCH "^driftdesk \\(([^)]+)\\)" _ "${first_line}")
if(NOT CMAKE_MATCH_1 STREQUAL VERSION)
    message(FATAL_ERROR "The newest entry in ${CHANGELOG} is \"${CMAKE_MATCH_1}\", the version "
                        "is ${VERSION}: add an entry for it at the top.")
endif()
message(STATUS "Release notes name ${VERSION}.")
