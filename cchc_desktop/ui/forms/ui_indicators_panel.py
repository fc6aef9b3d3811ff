# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'indicators_panel.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QHBoxLayout,
    QHeaderView, QLabel, QPushButton, QSizePolicy,
    QTableView, QVBoxLayout, QWidget)
from . import resources_rc

class Ui_IndicatorsPanel(object):
    def setupUi(self, IndicatorsPanel):
        if not IndicatorsPanel.objectName():
            IndicatorsPanel.setObjectName(u"IndicatorsPanel")
        IndicatorsPanel.resize(800, 500)
        self.main_layout = QVBoxLayout(IndicatorsPanel)
        self.main_layout.setObjectName(u"main_layout")
        self.main_layout.setContentsMargins(6, 6, 6, 6)
        self.intro_label = QLabel(IndicatorsPanel)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)

        self.main_layout.addWidget(self.intro_label)

        self.choice_layout = QHBoxLayout()
        self.choice_layout.setObjectName(u"choice_layout")
        self.period_caption = QLabel(IndicatorsPanel)
        self.period_caption.setObjectName(u"period_caption")

        self.choice_layout.addWidget(self.period_caption)

        self.period_combo = QComboBox(IndicatorsPanel)
        self.period_combo.setObjectName(u"period_combo")

        self.choice_layout.addWidget(self.period_combo)

        self.unit_caption = QLabel(IndicatorsPanel)
        self.unit_caption.setObjectName(u"unit_caption")

        self.choice_layout.addWidget(self.unit_caption)

        self.unit_combo = QComboBox(IndicatorsPanel)
        self.unit_combo.setObjectName(u"unit_combo")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.unit_combo.sizePolicy().hasHeightForWidth())
        self.unit_combo.setSizePolicy(sizePolicy)
        self.unit_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.unit_combo.setMinimumContentsLength(16)

        self.choice_layout.addWidget(self.unit_combo)

        self.extract_button = QPushButton(IndicatorsPanel)
        self.extract_button.setObjectName(u"extract_button")
        icon = QIcon()
        icon.addFile(u":/icons/action-refresh.svg", QSize(), QIcon.Mode.Normal, QIcon.State.Off)
        self.extract_button.setIcon(icon)

        self.choice_layout.addWidget(self.extract_button)


        self.main_layout.addLayout(self.choice_layout)

        self.indicator_view = QTableView(IndicatorsPanel)
        self.indicator_view.setObjectName(u"indicator_view")
        self.indicator_view.setAlternatingRowColors(True)
        self.indicator_view.setWordWrap(True)
        self.indicator_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.indicator_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

        self.main_layout.addWidget(self.indicator_view)

        self.summary_label = QLabel(IndicatorsPanel)
        self.summary_label.setObjectName(u"summary_label")
        self.summary_label.setWordWrap(True)

        self.main_layout.addWidget(self.summary_label)

        self.error_label = QLabel(IndicatorsPanel)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

#if QT_CONFIG(shortcut)
        self.period_caption.setBuddy(self.period_combo)
        self.unit_caption.setBuddy(self.unit_combo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(IndicatorsPanel)
    # setupUi

    def retranslateUi(self, IndicatorsPanel):
        IndicatorsPanel.setWindowTitle(QCoreApplication.translate("IndicatorsPanel", u"Ch\u1ec9 ti\u00eau", None))
        self.intro_label.setText(QCoreApplication.translate("IndicatorsPanel", u"C\u00e1c ch\u1ec9 ti\u00eau \u0111\u1ecbnh l\u01b0\u1ee3ng c\u1ee7a k\u1ebf ho\u1ea1ch. Ch\u1ecdn k\u1ef3 v\u00e0 \u0111\u01a1n v\u1ecb, r\u1ed3i nh\u1eadp gi\u00e1 tr\u1ecb \u0111\u1ea1t \u0111\u01b0\u1ee3c v\u00e0o c\u1ed9t \u201cGi\u00e1 tr\u1ecb \u0111\u1ea1t \u0111\u01b0\u1ee3c\u201d (b\u1ea5m \u0111\u00fap \u0111\u1ec3 s\u1eeda).", None))
        self.period_caption.setText(QCoreApplication.translate("IndicatorsPanel", u"&K\u1ef3 b\u00e1o c\u00e1o:", None))
        self.unit_caption.setText(QCoreApplication.translate("IndicatorsPanel", u"\u0110\u01a1n &v\u1ecb:", None))
        self.extract_button.setText(QCoreApplication.translate("IndicatorsPanel", u"&L\u1ea5y ch\u1ec9 ti\u00eau t\u1eeb k\u1ebf ho\u1ea1ch", None))
#if QT_CONFIG(tooltip)
        self.extract_button.setToolTip(QCoreApplication.translate("IndicatorsPanel", u"\u0110\u1ecdc c\u00e1c ch\u1ec9 ti\u00eau (t\u1ef7 l\u1ec7 %, s\u1ed1 x\u00e3, s\u1ed1 k\u1ef3 b\u1ea3n tin) trong v\u0103n b\u1ea3n k\u1ebf ho\u1ea1ch v\u00e0 l\u01b0u l\u1ea1i", None))
#endif // QT_CONFIG(tooltip)
        self.summary_label.setText("")
        self.error_label.setText("")
        self.error_label.setStyleSheet(QCoreApplication.translate("IndicatorsPanel", u"QLabel { color: #b71c1c; }", None))
    # retranslateUi

