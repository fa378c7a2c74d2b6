// Prints the number of sentences in its argument's file, using the installed library.
#include <histext/document.hpp>
#include <histext/segment.hpp>
#include <iostream>

int main(int argc, char** argv) {
  if (argc < 2) return 2;
  histext::document doc = histext::document::from_file(argv[1]);
  std::cout << histext::segment(doc).sentences.size() << '\n';
}
