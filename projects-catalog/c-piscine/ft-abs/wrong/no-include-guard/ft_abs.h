#define ABS(Value) ((Value) < 0 ? -(Value) : (Value))
