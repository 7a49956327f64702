#!/bin/bash
find "$1" -type f | wc -l
