module example.invalid/ssprerrors

go 1.19
