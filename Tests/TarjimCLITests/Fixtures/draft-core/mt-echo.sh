#!/bin/sh
# A stand-in MT engine: one English line per input line. It "forgets" NATO on purpose.
n=0
while IFS= read -r line; do
  n=$((n + 1))
  echo "Sentence $n: Blinken and Biden spoke about Russia, Ukraine and sanctions in Paris."
done
