#!/bin/bash
find "$1" -mindepth 1 | wc -l
