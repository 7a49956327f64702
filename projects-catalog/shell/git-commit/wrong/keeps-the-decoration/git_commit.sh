#!/bin/bash
grep '^commit ' | sed 's/^commit //' | head -n 5
