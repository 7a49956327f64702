#!/bin/bash
logins=$(grep -v '^#' | sed -n 'n;p' | cut -d: -f1 | rev | sort -r | sed -n "$1,$2p" | paste -sd, - | sed 's/,/, /g')
echo "$logins."
