package crisp

