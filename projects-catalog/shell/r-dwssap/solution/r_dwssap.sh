#!/bin/bash
grep -v '^#' | sed -n 'n;p' | cut -d: -f1 | rev | sort -r | sed -n "$1,$2p" \
	| tr '\n' ',' | sed 's/,/, /g' | sed 's/, $/./' | tr -d '\n'
