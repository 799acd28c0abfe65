package org.edgeworks.core.data;

/** What a channel of a scan means, as a detector bundle declares it. */
public enum ChannelRole {
    /** Monochromator (excitation) energy, one value per point. */
    ENERGY,
    /** Incident flux monitor. */
    I0,
    /** Transmitted flux. */
    IT,
    /** Reference-foil transmitted flux (behind the sample's It chamber). */
    IREF,
    /** Fluorescence counts (a region of interest or a summed detector). */
    IF,
    /** Total electron yield (sample drain current). */
    TEY,
    /** Total fluorescence yield. */
    TFY,
    /** Partial fluorescence yield in a window. */
    PFY,
    /** Already computed absorption. */
    MU,
    /** Multichannel-analyser spectra, points x bins. */
    MCA,
    /** Input count rate of a counting detector (dead time). */
    ICR,
    /** Output count rate of a counting detector (dead time). */
    OCR,
    /** Area-detector stack, frames x rows x columns. */
    IMAGE_STACK,
    /** Dark frames for an image stack. */
    DARK,
    /** Emission energy axis of already-reduced emission spectra. */
    EMISSION_AXIS,
    /** Counting time per point. */
    COUNT_TIME,
    /** Anything else recorded. */
    OTHER
}
