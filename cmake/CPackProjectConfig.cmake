# Read by cpack when it packages (CPACK_PROJECT_CONFIG_FILE, set in cmake/Install.cmake), not at
# configure time, so the value follows the checkout's current commit without a reconfigure.
# SOURCE_DATE_EPOCH, when the caller has not set it, becomes the last commit's time: the DEB
# generator stamps the package's members with it, so repackaging one commit gives the same bytes.
if(NOT DEFINED ENV{SOURCE_DATE_EPOCH})
  execute_process(COMMAND git -C "${CPACK_CVGEN_SOURCE_DIR}" log -1 --format=%ct
                  OUTPUT_VARIABLE cvgen_commit_time OUTPUT_STRIP_TRAILING_WHITESPACE
                  RESULT_VARIABLE cvgen_git_status ERROR_QUIET)
  if(cvgen_git_status EQUAL 0 AND cvgen_commit_time MATCHES "^[0-9]+$")
    set(ENV{SOURCE_DATE_EPOCH} "${cvgen_commit_time}")
  endif()
endif()
