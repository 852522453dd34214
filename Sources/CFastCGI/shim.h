#include <fcgiapp.h>
#include <sys/prctl.h>
#include <signal.h>

// prctl is variadic: a typed wrapper for the one use the pool has.
static inline void fcgi_host_terminate_with_parent(void) { prctl(PR_SET_PDEATHSIG, SIGTERM); }
