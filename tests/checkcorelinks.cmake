# Fails when passlane_core links a UI or database module.
file(READ "${LINKS_FILE}" links)
message(STATUS "passlane_core links: ${links}")
if(links MATCHES "Widgets|Qt6::Gui|Qt6::Sql|PrintSupport|Svg")
    message(FATAL_ERROR "passlane_core must not link Widgets/Gui/Sql/Svg: ${links}")
endif()
if(NOT links MATCHES "Qt6::Core")
    message(FATAL_ERROR "could not read passlane_core's link libraries from ${LINKS_FILE}")
endif()
