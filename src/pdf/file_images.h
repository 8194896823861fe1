// pdf: raster images from files (display::Image). PNG is decoded with libpng and downsampled to
// what its largest placement needs at the target resolution. JPEG is passed through as DCT when
// near that size; one much larger (a phone photo as a thumbnail) is decoded at a reduced DCT
// scale with libjpeg, downsampled and re-encoded as a baseline JPEG.
// An image that cannot be read gives a warning naming the file; the page shows a light-grey
// placeholder instead. Each file becomes one XObject however often it is placed.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "pdf/haru.h"

namespace cvgen::pdf {

class FileImages {
 public:
  void use(const std::string& path, double box_w, double box_h);  // points
  void embed(Haru& haru, double dpi, Diagnostics& diags);

  struct Entry {
    HPDF_Dict xobject = nullptr;  // nullptr: unreadable, draw the placeholder
    int width = 0, height = 0;    // pixels of the source (its aspect ratio)
  };
  const Entry& entry(const std::string& path) const;

 private:
  std::map<std::string, std::vector<std::pair<double, double>>> boxes_;
  std::map<std::string, Entry> entries_;
};

}  // namespace cvgen::pdf
