package vntext
