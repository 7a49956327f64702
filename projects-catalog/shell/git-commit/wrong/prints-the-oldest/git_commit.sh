#!/bin/bash
grep '^commit ' | cut -d ' ' -f 2 | tail -n 5
