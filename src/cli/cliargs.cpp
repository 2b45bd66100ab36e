// Implemented by the core engine work (issue 2).
#include "cliargs.h"
