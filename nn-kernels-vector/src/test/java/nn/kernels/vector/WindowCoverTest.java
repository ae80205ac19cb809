package nn.kernels.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Pools that tile, leave inputs out, overlap, or hang over padding, classified as the gradient needs. */
class WindowCoverTest {
    private final WindowCover cover = new WindowCover();

    private int of(int h, int w, int c, int pool, int stride, boolean same) {
        return cover.of(VectorWindowsTest.offsets(h, w, c, pool, stride, same), h * w * c, c);
    }

    @Test
    void twoByTwoOfStrideTwoTileAnEvenImage() {
        assertEquals(WindowCover.TILING, of(28, 28, 32, 2, 2, false));
        assertEquals(WindowCover.TILING, of(8, 6, 3, 2, 2, false));
    }

    @Test
    void anOddImageLeavesItsLastRowOutOfValidPools() {
        assertEquals(WindowCover.DISJOINT, of(7, 6, 3, 2, 2, false));
    }

    @Test
    void samePaddingOnAnOddImageStillTilesIt() {
        // the bottom windows hang over the padding, which is no input
        assertEquals(WindowCover.TILING, of(7, 7, 3, 2, 2, true));
    }

    @Test
    void poolsLargerThanTheirStrideOverlap() {
        assertEquals(WindowCover.OVERLAPPING, of(8, 8, 2, 3, 2, false));
        assertEquals(WindowCover.OVERLAPPING, of(8, 8, 2, 2, 1, false));
    }

    @Test
    void theSameCoverAgainAfterAnotherTable() {
        assertEquals(WindowCover.OVERLAPPING, of(8, 8, 2, 3, 2, false));
        assertEquals(WindowCover.TILING, of(8, 6, 3, 2, 2, false));
        assertEquals(WindowCover.DISJOINT, of(7, 6, 3, 2, 2, false));
    }
}
