# Packages are built from what `cmake --install` lays out: install() rules are the single source of
# truth for the .deb, the tarball, the AppImage and the Windows/macOS installers.
include_guard()

set(WAYMARK_APP_ID "org.waymarkapp.Waymark")
if(UNIX AND NOT APPLE)
    install(FILES "${CMAKE_CURRENT_LIST_DIR}/linux/${WAYMARK_APP_ID}.desktop"
            DESTINATION "${CMAKE_INSTALL_DATADIR}/applications")
    install(FILES "${CMAKE_CURRENT_LIST_DIR}/linux/${WAYMARK_APP_ID}.metainfo.xml"
            DESTINATION "${CMAKE_INSTALL_DATADIR}/metainfo")
    install(FILES "${CMAKE_CURRENT_LIST_DIR}/linux/${WAYMARK_APP_ID}.mime.xml"
            DESTINATION "${CMAKE_INSTALL_DATADIR}/mime/packages" RENAME "${WAYMARK_APP_ID}.xml")
    if(EXISTS "${PROJECT_SOURCE_DIR}/resources/icons/waymark.svg")
        install(FILES "${PROJECT_SOURCE_DIR}/resources/icons/waymark.svg"
                DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps" RENAME "${WAYMARK_APP_ID}.svg")
    endif()
endif()
install(FILES "${PROJECT_SOURCE_DIR}/LICENSE" DESTINATION "${CMAKE_INSTALL_DOCDIR}")

set(CPACK_PACKAGE_NAME "waymark")
set(CPACK_PACKAGE_VENDOR "Waymark developers")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Waymark")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_PACKAGE_CONTACT "Waymark developers <waymark@waymarkapp.invalid>")
set(CPACK_STRIP_FILES ON)

if(WIN32)
    set(CPACK_GENERATOR "ZIP;NSIS")
    set(CPACK_NSIS_DISPLAY_NAME "Waymark")
    set(CPACK_NSIS_PACKAGE_NAME "Waymark")
    set(CPACK_PACKAGE_EXECUTABLES "waymark;Waymark")
    set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
elseif(APPLE)
    set(CPACK_GENERATOR "DragNDrop")
else()
    set(CPACK_GENERATOR "DEB;TGZ")
    set(CPACK_DEBIAN_PACKAGE_SECTION "education")
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
    set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
endif()
include(CPack)
