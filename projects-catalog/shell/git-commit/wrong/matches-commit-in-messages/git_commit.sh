#!/bin/bash
grep commit | awk '{ print $2 }' | head -n 5
