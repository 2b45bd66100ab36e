# Fails when TARGET links a module matching FORBIDDEN (a regex), e.g. the core linking Widgets.
file(READ "${LINKS_FILE}" links)
message(STATUS "${TARGET} links: ${links}")
if(links MATCHES "${FORBIDDEN}")
    message(FATAL_ERROR "${TARGET} must not link ${FORBIDDEN}: ${links}")
endif()
if(NOT links MATCHES "Qt6::Core|passlane_")
    message(FATAL_ERROR "could not read ${TARGET}'s link libraries from ${LINKS_FILE}")
endif()
