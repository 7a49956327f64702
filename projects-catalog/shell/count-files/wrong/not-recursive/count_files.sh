#!/bin/bash
ls -a "$1" | grep -v '^\.\.$' | wc -l
