#!/bin/bash
find "$1" | wc -l
