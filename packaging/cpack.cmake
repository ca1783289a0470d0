# Packages from the same build as the tests. On Linux: `cpack -G DEB`, `RPM` and `TGZ` in the
# build folder (scripts/package-test.sh builds and checks them). The WiX (Windows) and
# DragNDrop (macOS) settings are here too, for builds on those systems; packaging/README.md says
# what else they need.

set(CPACK_PACKAGE_NAME driftdesk)
set(CPACK_PACKAGE_VENDOR "DriftDesk developers")
set(CPACK_PACKAGE_CONTACT "DriftDesk developers <driftdesk@example.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
# Lines of at most 80 characters: Debian shows the description as it is.
string(JOIN "\n" CPACK_PACKAGE_DESCRIPTION
    "DriftDesk tells administrators of many Microsoft Intune tenants when a"
    "tenant's configuration drifts from an approved baseline. It imports a"
    "tenant's policy inventory from exported Microsoft Graph objects, captures an"
    "immutable baseline snapshot of a reference tenant, compares other tenants"
    "with it and records findings (missing, changed or unexpected policies) with"
    "their evidence."
    ""
    "This package holds the desktop application, driftdesk, and the command line,"
    "driftctl. Workspaces live in a SQLite file or on a PostgreSQL server.")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY DriftDesk)
# Into build/packages, apart from the build's own files.
set(CPACK_OUTPUT_FILE_PREFIX packages)
set(CPACK_PACKAGE_EXECUTABLES driftdesk DriftDesk)
# WiX wants the licence as .txt or .rtf.
configure_file("${PROJECT_SOURCE_DIR}/LICENSE" "${PROJECT_BINARY_DIR}/LICENSE.txt" COPYONLY)
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_BINARY_DIR}/LICENSE.txt")
# The build keeps debug information for the tests; packages ship stripped programs.
set(CPACK_STRIP_FILES ON)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

# Debian. dpkg-shlibdeps finds the libraries the programs link; Qt loads its SQL drivers and
# platform plugins at run time, so those packages are named here.
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION admin)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, libqt6sql6-psql")
# Qt's own German strings, Wayland, and a Secret Service for remembered passwords.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n, qt6-wayland")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "gnome-keyring")
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)

# RPM, with Fedora's names for the Qt SQL drivers (openSUSE calls them qt6-sql-sqlite and
# qt6-sql-postgresql); rpmbuild finds the libraries itself.
set(CPACK_RPM_FILE_NAME RPM-DEFAULT)
set(CPACK_RPM_PACKAGE_RELEASE 1)
set(CPACK_RPM_PACKAGE_LICENSE "GPL-3.0-or-later")
set(CPACK_RPM_PACKAGE_GROUP "Applications/System")
set(CPACK_RPM_PACKAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_RPM_PACKAGE_REQUIRES "qt6-qtbase-postgresql")
# Folders the filesystem package owns; a package that claimed them would conflict with it.
set(CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION
    /usr/share/applications /usr/share/metainfo /usr/share/man /usr/share/man/man1
    /usr/share/doc /usr/share/icons /usr/share/icons/hicolor)
foreach(_size 16x16 24x24 32x32 48x48 64x64 128x128 256x256 scalable)
    list(APPEND CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION
         /usr/share/icons/hicolor/${_size} /usr/share/icons/hicolor/${_size}/apps)
endforeach()

# Windows: an MSI through WiX. The upgrade GUID must never change: it is how Windows knows a
# newer MSI replaces an installed DriftDesk rather than installing beside it.
set(CPACK_WIX_UPGRADE_GUID "614098DB-02CD-44FC-86D9-2EB2C36E5A77")
set(CPACK_WIX_PROGRAM_MENU_FOLDER DriftDesk)
set(CPACK_WIX_PROPERTY_ARPURLINFOABOUT "${PROJECT_HOMEPAGE_URL}")
set(CPACK_WIX_PROPERTY_ARPCONTACT "${CPACK_PACKAGE_CONTACT}")

# macOS: a disk image to drag DriftDesk.app from (the bundle comes from app/driftdesk).
set(CPACK_DMG_VOLUME_NAME DriftDesk)
set(CPACK_DMG_FORMAT UDBZ)

if(WIN32)
    set(CPACK_GENERATOR WIX)
elseif(APPLE)
    set(CPACK_GENERATOR DragNDrop)
else()
    set(CPACK_GENERATOR DEB RPM TGZ)
endif()
include(CPack)
