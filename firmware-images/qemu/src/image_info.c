/* Compiled per image with its configuration header (BOARD_IMAGE_NAME, BOARD_DEBUG_THRESHOLD). */
#include "image.h"

#include "lwip_board_config.h"

#ifndef BOARD_IMAGE_NAME
#define BOARD_IMAGE_NAME "unnamed"
#endif
#ifndef BOARD_DEBUG_THRESHOLD
#define BOARD_DEBUG_THRESHOLD 0
#endif

const char image_name[] = BOARD_IMAGE_NAME;
const int image_debug_threshold = BOARD_DEBUG_THRESHOLD;
