#ifndef FT_ABS_H
# define FT_ABS_H

# include <stdlib.h>

# define ABS(Value) abs(Value)

#endif
