// Package slides reads presentations: PowerPoint 2007+ (.pptx: the slides
// in presentation order, their text boxes, tables and speaker notes) and
// PowerPoint 97-2003 (.ppt: the text atoms of the "PowerPoint Document"
// stream of an OLE2 compound file, read over richardlehane/mscfb, slide by
// slide through the persist directory, with the notes of each slide) and
// OpenDocument presentations (.odp: the draw:page elements of content.xml,
// their frames and tables, then their notes).
// Each slide is one page of text, its notes after it.
//
// Old presentations were typed in legacy Vietnamese fonts (.VnTime in
// TCVN3, VNI-Times in VNI). In a .pptx (often a .ppt saved again) the
// legacy bytes sit in the text as Windows-1252 characters and every run
// names its font: runs are decoded by the encoding of their font through
// package vntext. In a .ppt the 8-bit text atoms hold the legacy bytes
// themselves: they are decoded paragraph by paragraph by the encoding of
// the font the paragraph is set in (the font collection and the text's
// character runs) or, where the font says nothing, by vntext's detector.
//
// Zip parts are inflated with caps on each part and on the whole file;
// panics are recovered into errors. The package imports nothing of
// vanban's but vntext.
package slides
