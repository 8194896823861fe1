# Install rules and the Debian package (CPack). `cmake --install build --prefix P` gives
# P/bin/cvgen and its data in P/share/cvgen/ (layouts/, fonts/fonts.yaml, content/: the bundled
# example site, templates/: the new site `cvgen init` writes); the binary finds the data from its
# own location (src/app/data_dir.cpp), so the prefix can move. `cpack -G DEB` in the build folder
# (or the `package` target) makes the .deb.
# The man page and the bash completion are installed by src/cli/CMakeLists.txt.
include(GNUInstallDirs)

set(CVGEN_INSTALL_DATADIR ${CMAKE_INSTALL_DATADIR}/cvgen)

# data_dir.cpp looks for <binary's folder>/../share/cvgen; say so when the chosen GNU dirs differ.
file(RELATIVE_PATH cvgen_data_from_bin ${CMAKE_INSTALL_FULL_BINDIR} ${CMAKE_INSTALL_FULL_DATADIR}/cvgen)
if(NOT cvgen_data_from_bin STREQUAL "../share/cvgen")
  message(WARNING "cvgen: the installed binary looks for its data in ../share/cvgen, but it goes to "
                  "${cvgen_data_from_bin} (from ${CMAKE_INSTALL_BINDIR}): set CVGEN_DATA_DIR when running it")
endif()

# Fixed modes rather than the checkout's (umask-dependent), so the package's bytes do not
# depend on who cloned the sources.
set(cvgen_file_modes FILE_PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
set(cvgen_dir_modes OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
set(CMAKE_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS ${cvgen_dir_modes})

install(TARGETS cvgen RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/layouts/ DESTINATION ${CVGEN_INSTALL_DATADIR}/layouts
        ${cvgen_file_modes} DIRECTORY_PERMISSIONS ${cvgen_dir_modes} FILES_MATCHING PATTERN "*.yaml")
install(FILES ${PROJECT_SOURCE_DIR}/fonts/fonts.yaml DESTINATION ${CVGEN_INSTALL_DATADIR}/fonts
        PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/content/ DESTINATION ${CVGEN_INSTALL_DATADIR}/content
        ${cvgen_file_modes} DIRECTORY_PERMISSIONS ${cvgen_dir_modes})
# What `cvgen init` copies into a new site.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/templates/ DESTINATION ${CVGEN_INSTALL_DATADIR}/templates
        ${cvgen_file_modes} DIRECTORY_PERMISSIONS ${cvgen_dir_modes})

# --- The Debian package -------------------------------------------------------------------------
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME cvgen)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "cvgen maintainers <cvgen@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "PDF CV from an academic Jekyll homepage")
set(CPACK_PACKAGE_DESCRIPTION
    "cvgen reads an academic homepage's own files (a Jekyll site such as AcadHomepage) and typesets \
a paginated PDF CV with colour emoji, CJK, right-to-left text, links and bookmarks.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # cvgen_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION text)
set(CPACK_STRIP_FILES ON)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS ${cvgen_dir_modes})

# Dependencies. The shared libraries come from dpkg-shlibdeps (dpkg-dev, and `file`, which CPack
# uses to find the binaries; both in scripts/setup) rather than a list written here: it reads
# what the binary really links and the libraries' own symbols files, so the package names
# (libicu72, libhpdf-2.3.0, ...) and minimum versions are right for the release it is built on,
# and tests/ship/deb_package_test.cpp checks that every NEEDED library's package is declared.
# Fonts are found at run time through fontconfig, which dpkg-shlibdeps cannot see: a missing
# family is an error, so the Noto packages fonts/fonts.yaml names are hard dependencies.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-noto-core, fonts-noto-cjk, fonts-noto-color-emoji, fonts-noto-mono")

# Reproducible: CPack's DEB generator stamps every member with $SOURCE_DATE_EPOCH when set;
# cmake/CPackProjectConfig.cmake (read by cpack at packaging time) defaults it to the time of the
# last commit, so two packagings of one commit give the same bytes.
set(CPACK_CVGEN_SOURCE_DIR ${PROJECT_SOURCE_DIR})
set(CPACK_PROJECT_CONFIG_FILE ${CMAKE_CURRENT_LIST_DIR}/CPackProjectConfig.cmake)

include(CPack)
