#!/bin/bash
find "$1" -name '*.sh' | sed 's|.*/||; s|\.sh$||' | sort
