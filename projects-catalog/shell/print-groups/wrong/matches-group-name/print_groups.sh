#!/bin/bash
grep -w -- "$1" | cut -d: -f1 | tr '\n' ',' | sed 's/,$//'
