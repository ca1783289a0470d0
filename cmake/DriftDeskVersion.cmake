# The version that --version, the About dialog and the packages show. PROJECT_VERSION (set once,
# in project() at the top) is the release; a build from a git checkout adds `git describe`, so
# a build of work in progress, or of uncommitted changes ("-dirty"), says which one it is.
# Without git, or outside a checkout (a source tarball), the release number stands alone.

set(DRIFTDESK_GIT_DESCRIPTION "")
find_package(Git QUIET)
if(GIT_FOUND AND EXISTS "${PROJECT_SOURCE_DIR}/.git")
    execute_process(
        COMMAND "${GIT_EXECUTABLE}" describe --always --dirty
        WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
        OUTPUT_VARIABLE _describe
        OUTPUT_STRIP_TRAILING_WHITESPACE
        ERROR_QUIET
        RESULT_VARIABLE _describe_result)
    if(_describe_result EQUAL 0)
        set(DRIFTDESK_GIT_DESCRIPTION "${_describe}")
    endif()
    # Describe again after a commit or a checkout: they move HEAD, whose log then changes.
    if(EXISTS "${PROJECT_SOURCE_DIR}/.git/logs/HEAD")
        set_property(DIRECTORY "${PROJECT_SOURCE_DIR}" APPEND
                     PROPERTY CMAKE_CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/.git/logs/HEAD")
    endif()
endif()

if(DRIFTDESK_GIT_DESCRIPTION)
    set(DRIFTDESK_VERSION_TEXT "${PROJECT_VERSION} (git ${DRIFTDESK_GIT_DESCRIPTION})")
else()
    set(DRIFTDESK_VERSION_TEXT "${PROJECT_VERSION}")
endif()
message(STATUS "DriftDesk version: ${DRIFTDESK_VERSION_TEXT}")

# A header of its own, included by one source file, so a new description recompiles only that.
configure_file("${CMAKE_CURRENT_LIST_DIR}/driftdesk_version.h.in"
               "${PROJECT_BINARY_DIR}/generated/driftdesk_version.h" @ONLY)
