# Install rules (GNUInstallDirs; any prefix: cmake --install build --prefix DIR), the relative paths
# the installed programs use to find each other and their data, and the checks of what is installed.
#
#   bin/salesdojo                               the command line (no GUI library)
#   libexec/salesdojo/salesdojo-window          the window, exec'd by `salesdojo` (GUI builds)
#   share/salesdojo/scenarios/                  the bundled scenarios
#   share/salesdojo/assets/fonts/               the fonts and their licence (GUI builds)
#   share/applications/salesdojo.desktop        desktop entry (GUI builds)
#   share/icons/hicolor/scalable/apps/salesdojo.svg   icon, + 256x256 PNG when rsvg-convert exists
#   share/man/man1/salesdojo.1                  manual page
#   share/doc/salesdojo/                        README, LICENSE, docs/*.md

set(SALESDOJO_INSTALL_DATADIR "${CMAKE_INSTALL_DATADIR}/salesdojo")
set(SALESDOJO_INSTALL_WINDOWDIR "${CMAKE_INSTALL_LIBEXECDIR}/salesdojo")
set(SALESDOJO_INSTALL_DOCDIR "${CMAKE_INSTALL_DATAROOTDIR}/doc/salesdojo")

# Relative paths between the installed folders, compiled in so that an installed tree can be moved.
function(salesdojo_relative_path out from to)
  foreach(var from to)
    if(IS_ABSOLUTE "${${var}}")
      set(${var}_full "${${var}}")
    else()
      set(${var}_full "${CMAKE_INSTALL_PREFIX}/${${var}}")
    endif()
  endforeach()
  file(RELATIVE_PATH relative "${from_full}" "${to_full}")
  set(${out} "${relative}" PARENT_SCOPE)
endfunction()
salesdojo_relative_path(bin_to_data "${CMAKE_INSTALL_BINDIR}" "${SALESDOJO_INSTALL_DATADIR}")
salesdojo_relative_path(window_to_data "${SALESDOJO_INSTALL_WINDOWDIR}" "${SALESDOJO_INSTALL_DATADIR}")
salesdojo_relative_path(bin_to_window "${CMAKE_INSTALL_BINDIR}" "${SALESDOJO_INSTALL_WINDOWDIR}")
set_property(SOURCE src/core/data_dirs.cpp APPEND PROPERTY COMPILE_DEFINITIONS
             "SALESDOJO_DATA_FROM_EXECUTABLE=\"${bin_to_data}:${window_to_data}\"")
set_property(SOURCE src/cli/gui_entry.cpp APPEND PROPERTY COMPILE_DEFINITIONS
             "SALESDOJO_WINDOW_FROM_BIN=\"${bin_to_window}\"")

install(TARGETS salesdojo RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY scenarios/ DESTINATION ${SALESDOJO_INSTALL_DATADIR}/scenarios)
install(FILES docs/man/salesdojo.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
file(GLOB SALESDOJO_DOCS CONFIGURE_DEPENDS docs/*.md)
install(FILES README.md docs/LICENSE ${SALESDOJO_DOCS} DESTINATION ${SALESDOJO_INSTALL_DOCDIR})

if(SALESDOJO_GUI)
  install(TARGETS salesdojo-window RUNTIME DESTINATION ${SALESDOJO_INSTALL_WINDOWDIR})
  install(DIRECTORY assets/ DESTINATION ${SALESDOJO_INSTALL_DATADIR}/assets PATTERN desktop EXCLUDE)
  install(FILES assets/desktop/salesdojo.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
  install(FILES assets/desktop/salesdojo.svg DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
  # A PNG for menus that do not draw SVG, rendered from the SVG when librsvg's tool is there.
  find_program(SALESDOJO_RSVG_CONVERT rsvg-convert)
  if(SALESDOJO_RSVG_CONVERT)
    set(icon_png ${CMAKE_BINARY_DIR}/icons/salesdojo-256.png)
    add_custom_command(OUTPUT ${icon_png}
      COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/icons
      COMMAND ${SALESDOJO_RSVG_CONVERT} -w 256 -h 256 -o ${icon_png} ${CMAKE_CURRENT_SOURCE_DIR}/assets/desktop/salesdojo.svg
      DEPENDS assets/desktop/salesdojo.svg COMMENT "Rendering the 256x256 icon")
    add_custom_target(salesdojo_icon ALL DEPENDS ${icon_png})
    install(FILES ${icon_png} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/256x256/apps RENAME salesdojo.png)
  endif()
endif()

# --- checks -----------------------------------------------------------------------------------
# `salesdojo` must load no GUI library, in any build (issue 9): ldd lists every shared library it
# would load, the indirect ones included.
add_test(NAME cli_loads_no_gui_library
         COMMAND bash -c "libs=$(ldd \"$1\") || exit 1; if echo \"$libs\" | grep -Ei 'sfml|libGL|imgui|libX11|freetype'; then echo 'salesdojo loads a GUI library'; exit 1; fi; echo \"$libs\""
                 ldd_check $<TARGET_FILE:salesdojo>)

find_program(SALESDOJO_DESKTOP_FILE_VALIDATE desktop-file-validate)
if(SALESDOJO_DESKTOP_FILE_VALIDATE)
  # desktop-file-validate prints hints and errors and exits 0 after hints only: any output fails.
  add_test(NAME desktop_entry_valid
           COMMAND bash -c "out=$(\"$1\" \"$2\" 2>&1); echo \"$out\"; [ -z \"$out\" ]"
                   validate ${SALESDOJO_DESKTOP_FILE_VALIDATE} ${CMAKE_CURRENT_SOURCE_DIR}/assets/desktop/salesdojo.desktop)
endif()
find_program(SALESDOJO_GROFF groff)
if(SALESDOJO_GROFF)
  # The man page formats without a warning (groff -ww: all warnings; -z: no output).
  add_test(NAME man_page_formats
           COMMAND bash -c "out=$(\"$1\" -man -ww -z -Tutf8 \"$2\" 2>&1); echo \"$out\"; [ -z \"$out\" ]"
                   groff ${SALESDOJO_GROFF} ${CMAKE_CURRENT_SOURCE_DIR}/docs/man/salesdojo.1)
endif()
