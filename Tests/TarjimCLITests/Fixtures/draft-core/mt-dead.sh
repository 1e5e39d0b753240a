#!/bin/sh
# A broken MT engine: answers one line, then dies.
IFS= read -r line
echo "only one"
exit 3
