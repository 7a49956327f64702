#!/bin/bash
grep -E "^[^:]*:[^:]*:[^:]*:.*$1" | cut -d: -f1 | tr '\n' ',' | sed 's/,$//'
