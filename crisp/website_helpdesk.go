package crisp
