// libffi (Debian libffi-dev), used to call compiled exports of any signature.
#include <ffi.h>
