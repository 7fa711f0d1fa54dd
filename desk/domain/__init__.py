"""Pure domain rules: dates, codes, states, validators, Vietnamese text. No I/O, nothing of ours."""
