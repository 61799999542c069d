package vntext

// Repair undoes mojibake in s (TCVN3 or VNI bytes read as Latin-1/cp1252,
// UTF-8 read as cp1252), run by run. It returns s unchanged, and "", when
// nothing needed repair; otherwise the repaired text and the encoding the
// runs were repaired from.
func Repair(s string) (string, string) { return s, "" }
