#!/bin/bash
find "$1" -name '*.sh' -exec basename {} \; | sort
