#!/bin/bash
grep -v '^#' | sed -n 'n;p' | cut -d: -f1 | rev | sort -r | head -n "$2" | tail -n "$(($2 - $1))" \
	| tr '\n' ',' | sed 's/,/, /g' | sed 's/, $/./' | tr -d '\n'
