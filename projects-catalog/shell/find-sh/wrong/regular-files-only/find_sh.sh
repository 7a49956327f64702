#!/bin/bash
find "$1" -type f -name '*.sh' | sed 's|.*/||; s|\.sh$||' | sort
