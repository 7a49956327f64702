#!/bin/bash
ls -a "$1" | grep '\.sh$' | sed 's|\.sh$||' | sort
