#!/bin/bash
# to_decimal NUMBER BASE: the value of NUMBER, whose digits are the characters of BASE
# (the first character is worth 0, the second 1...).
to_decimal() {
	local number=$1 base=$2 value=0 i before
	for ((i = 0; i < ${#number}; i++)); do
		before=${base%%"${number:i:1}"*}
		value=$((value * ${#base} + ${#before}))
	done
	echo "$value"
}

# from_decimal VALUE BASE: VALUE written with the digits of BASE.
from_decimal() {
	local value=$1 base=$2 result=""
	if ((value == 0)); then
		result=${base:0:1}
	fi
	while ((value > 0)); do
		result=${base:value % ${#base}:1}$result
		value=$((value / ${#base}))
	done
	printf '%s\n' "$result"
}

sum=$(($(to_decimal "$1" "'\\\"?!") + $(to_decimal "$2" "mrdoc")))
from_decimal "$sum" gtaioluSnemf   # the space of the base got lost
